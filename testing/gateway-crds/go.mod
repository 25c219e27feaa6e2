module github.com/mtls-operator/mtls-operator/testing/gateway-crds

go 1.26.0

require (
	github.com/gardener/cert-management v0.22.0
	go.yaml.in/yaml/v3 v3.0.4
	istio.io/api v1.32.0
	sigs.k8s.io/gateway-api v1.6.3
)
