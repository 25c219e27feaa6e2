// Command etcd starts an etcd server for the local test control plane. The
// etcd server module ships no installable command, so this wraps its entry
// point.
package main

import (
	"os"
	"strings"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(loopbackOnly(os.Args))
}

// loopbackOnly rewrites client URLs on 0.0.0.0 to 127.0.0.1. Fabric8's
// kube-api-test asks etcd to listen on every interface; the test control plane
// has no authentication on etcd, so it must stay reachable from this machine only.
func loopbackOnly(args []string) []string {
	rewritten := make([]string, len(args))
	for i, arg := range args {
		rewritten[i] = strings.ReplaceAll(arg, "//0.0.0.0:", "//127.0.0.1:")
	}
	return rewritten
}
