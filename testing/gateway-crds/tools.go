//go:build tools

// Package tools pins the modules whose CustomResourceDefinitions testing/gateway-crds/build
// copies. The build reads only their YAML files, so these blank imports of packages without
// dependencies are what keeps `go mod tidy` from dropping the require lines.
package tools

import (
	_ "github.com/gardener/cert-management/pkg/apis/cert"
	_ "istio.io/api/label"
	_ "sigs.k8s.io/gateway-api/pkg/consts"
)
