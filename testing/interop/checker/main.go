// Command interop-checker judges certificates with Go's crypto/x509 and with zlint,
// so that the Java tests of mtls-operator can check what the PKI package issues against
// implementations written by other people.
//
// Usage:
//
//	interop-checker verify -anchor ROOT.pem -chain CHAIN.pem -usage server|client|any [-dns-name NAME] [-at RFC3339]
//	interop-checker lint -cert CERT.pem [-source RFC5280]
//
// verify exits 0 and prints "verified" with the chain it built when crypto/x509 accepts
// the chain (leaf first, then intermediates), and exits 1 with the reason when it does not.
// lint prints one line per lint of the source, "STATUS<TAB>NAME<TAB>DETAILS", and exits 0
// whatever the lints found: the caller decides which findings fail a test.
// Both exit 2 on invalid arguments or unreadable input.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: interop-checker verify|lint [flags]")
		return 2
	}
	var err error
	switch args[0] {
	case "verify":
		err = runVerify(args[1:], stdout)
	case "lint":
		err = runLint(args[1:], stdout)
	default:
		fmt.Fprintf(stderr, "unknown command %q: use verify or lint\n", args[0])
		return 2
	}
	var rejected *rejectedError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &rejected):
		fmt.Fprintln(stdout, rejected.Error())
		return 1
	default:
		fmt.Fprintln(stderr, err)
		return 2
	}
}

// rejectedError is a verdict on the certificates, as opposed to a failure to read them.
type rejectedError struct{ reason string }

func (e *rejectedError) Error() string { return e.reason }

func newFlagSet(name string) *flag.FlagSet {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	return flags
}
