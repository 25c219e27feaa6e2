# Entry points for people and CI. Every target builds what it needs first.
MVN ?= mvn -B -q -Dstyle.color=never
SHELL := /bin/bash

.PHONY: demo test run install deploy crds control-plane interop helm gateway-crds nginx bench bench-smoke bench-pki clean

## demo: start a local control plane, run the operator, apply examples/quickstart and prove it with mTLS
demo:
	$(MVN) -pl demo -am install -DskipTests
	java -jar demo/target/demo.jar

## test: run every test against the real local control plane (or MTLS_CLUSTER=kubeconfig)
test: control-plane interop helm gateway-crds nginx
	mvn -B -Dstyle.color=never test

## run: run the operator against the cluster of the current kubeconfig
run:
	$(MVN) -pl operator -am install -DskipTests
	mvn -B -q -f operator/pom.xml exec:java -Dexec.mainClass=io.mtlsoperator.Main

## install: apply the CRDs to the cluster of the current kubeconfig (also over CRDs that helm installed)
install:
	kubectl apply --server-side --force-conflicts -f crds/

## deploy: install or upgrade the Helm chart in namespace mtls-operator of the current kubeconfig's cluster (HELM_ARGS adds flags)
deploy: helm
	"$$(testing/helm/build --print-path)" upgrade --install mtls-operator helm/mtls-operator \
	  --namespace mtls-operator --create-namespace $(HELM_ARGS)

## crds: regenerate crds/ and the Helm chart's copy from the API classes
crds:
	$(MVN) -f operator/pom.xml process-classes -Dmaven.test.skip=true
	for file in operator/target/classes/META-INF/fabric8/*-v1.yml; do \
	  cp "$$file" "crds/$$(basename "$$file" -v1.yml).yaml"; \
	  cp "$$file" "helm/mtls-operator/crds/$$(basename "$$file" -v1.yml).yaml"; \
	done

## control-plane: build and cache kube-apiserver, kube-controller-manager, kubectl and etcd
control-plane:
	testing/control-plane/build

## interop: build and cache the Go certificate checker (crypto/x509 and zlint)
interop:
	testing/interop/build

## helm: build and cache the helm command from its Go module
helm:
	testing/helm/build

## gateway-crds: copy and cache the Istio, Gateway API and Gardener cert-management CRDs from their Go modules
gateway-crds:
	testing/gateway-crds/build

## nginx: install nginx, the stand-in gateway of the gateway tests, unless it is installed
nginx:
	testing/nginx/install

## bench-pki: measure key generation plus signing per algorithm beside openssl speed
bench-pki:
	bench/run-pki-cost

## bench: the crypto floor for ECDSA P-256 and RSA 2048, then every scenario against the local control plane (13 min on 2 busy cores; BENCH_ARGS adds harness options, see bench/run-cluster --help)
bench: control-plane
	bench/run-pki-cost --key-specs ECDSA_256,RSA_2048
	bench/run-cluster $(BENCH_ARGS)

## bench-smoke: a tiny run of every cluster scenario, to check that the harness still works (under a minute after the build)
bench-smoke: control-plane
	bench/run-cluster --output bench/target/cluster-smoke --timeout-minutes 5 \
	  --plan startup:0,issuance:ecdsa:10,steady:5:4,rotation:10,memory:50,unrelated-secrets:200,memory:50,startup:50

clean:
	mvn -B -q clean
