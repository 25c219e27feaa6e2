package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	zx509 "github.com/zmap/zcrypto/x509"
	"github.com/zmap/zlint/v3"
	"github.com/zmap/zlint/v3/lint"
)

func runLint(args []string, stdout io.Writer) error {
	flags := newFlagSet("lint")
	certPath := flags.String("cert", "", "PEM file with one certificate")
	source := flags.String("source", string(lint.RFC5280), "zlint lint source to run, e.g. RFC5280")
	if err := flags.Parse(args); err != nil {
		return fmt.Errorf("lint: %w", err)
	}
	if *certPath == "" {
		return fmt.Errorf("lint: -cert is required")
	}

	blocks, err := readPemBlocks(*certPath)
	if err != nil {
		return err
	}
	if len(blocks) != 1 {
		return fmt.Errorf("lint: %s contains %d certificates, expected one", *certPath, len(blocks))
	}
	certificate, err := zx509.ParseCertificate(blocks[0])
	if err != nil {
		return fmt.Errorf("%s: zcrypto cannot parse the certificate: %w", *certPath, err)
	}

	registry, err := lint.GlobalRegistry().Filter(lint.FilterOptions{
		IncludeSources: lint.SourceList{lint.LintSource(*source)},
	})
	if err != nil {
		return fmt.Errorf("lint: invalid -source %q: %w", *source, err)
	}
	if len(registry.Names()) == 0 {
		return fmt.Errorf("lint: source %q has no lints", *source)
	}

	results := zlint.LintCertificateEx(certificate, registry)
	names := make([]string, 0, len(results.Results))
	for name := range results.Results {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		result := results.Results[name]
		details := strings.ReplaceAll(result.Details, "\n", " ")
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", result.Status, name, details)
	}
	return nil
}
