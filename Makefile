# Entry points for people and CI. Every target builds what it needs first.
MVN ?= mvn -B -q
SHELL := /bin/bash

.PHONY: demo test run install deploy crds control-plane interop helm gateway-crds nginx bench-pki clean

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

clean:
	mvn -B -q clean
