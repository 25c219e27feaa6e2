package main

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

func runVerify(args []string, stdout io.Writer) error {
	flags := newFlagSet("verify")
	anchorPath := flags.String("anchor", "", "PEM file with the trust anchor")
	chainPath := flags.String("chain", "", "PEM file with the leaf first, then its intermediates")
	usage := flags.String("usage", "any", "extended key usage to require: server, client or any")
	dnsName := flags.String("dns-name", "", "host name the leaf must be valid for (optional)")
	at := flags.String("at", "", "verification time in RFC 3339 (default: now)")
	if err := flags.Parse(args); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if *anchorPath == "" || *chainPath == "" {
		return fmt.Errorf("verify: -anchor and -chain are required")
	}

	anchors, err := readCertificates(*anchorPath)
	if err != nil {
		return err
	}
	chain, err := readCertificates(*chainPath)
	if err != nil {
		return err
	}

	options := x509.VerifyOptions{
		Roots:         x509.NewCertPool(),
		Intermediates: x509.NewCertPool(),
		DNSName:       *dnsName,
	}
	for _, anchor := range anchors {
		options.Roots.AddCert(anchor)
	}
	for _, intermediate := range chain[1:] {
		options.Intermediates.AddCert(intermediate)
	}
	switch *usage {
	case "server":
		options.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	case "client":
		options.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	case "any":
		options.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageAny}
	default:
		return fmt.Errorf("verify: invalid -usage %q: use server, client or any", *usage)
	}
	if *at != "" {
		options.CurrentTime, err = time.Parse(time.RFC3339, *at)
		if err != nil {
			return fmt.Errorf("verify: invalid -at %q: %w", *at, err)
		}
	}

	built, err := chain[0].Verify(options)
	if err != nil {
		return &rejectedError{reason: "rejected: " + err.Error()}
	}
	subjects := make([]string, 0, len(built[0]))
	for _, certificate := range built[0] {
		subjects = append(subjects, certificate.Subject.String())
	}
	fmt.Fprintf(stdout, "verified: %s\n", strings.Join(subjects, " <- "))
	return nil
}

func readCertificates(path string) ([]*x509.Certificate, error) {
	blocks, err := readPemBlocks(path)
	if err != nil {
		return nil, err
	}
	certificates := make([]*x509.Certificate, 0, len(blocks))
	for _, block := range blocks {
		certificate, err := x509.ParseCertificate(block)
		if err != nil {
			return nil, fmt.Errorf("%s: crypto/x509 cannot parse a certificate: %w", path, err)
		}
		certificates = append(certificates, certificate)
	}
	return certificates, nil
}

// readPemBlocks returns the DER bytes of every CERTIFICATE block in the file, in order.
func readPemBlocks(path string) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var blocks [][]byte
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type == "CERTIFICATE" {
			blocks = append(blocks, block.Bytes)
		}
	}
	if len(blocks) == 0 {
		return nil, fmt.Errorf("%s: no CERTIFICATE block found", path)
	}
	return blocks, nil
}
