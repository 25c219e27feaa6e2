// Command crdsplit copies named CustomResourceDefinitions out of a YAML file that may contain
// several documents, one CRD per output file, so that a reader that takes one document per
// file (such as Fabric8's unmarshal) can load each of them.
//
// Usage: crdsplit -out DIR -origin TEXT FILE NAME...
//
// Each NAME is a CRD's metadata.name, e.g. gateways.networking.istio.io; the document is
// written unchanged, after a comment naming its origin, to DIR/NAME.yaml. The command fails
// when a NAME is missing from FILE, or when its document is not an apiextensions.k8s.io/v1
// CustomResourceDefinition named <plural>.<group> with a served and a storage version.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// crd contains the fields of a CustomResourceDefinition that the checks read.
type crd struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		Group string `yaml:"group"`
		Names struct {
			Plural string `yaml:"plural"`
			Kind   string `yaml:"kind"`
		} `yaml:"names"`
		Versions []struct {
			Name    string `yaml:"name"`
			Served  bool   `yaml:"served"`
			Storage bool   `yaml:"storage"`
			Schema  *struct {
				OpenAPIV3Schema map[string]any `yaml:"openAPIV3Schema"`
			} `yaml:"schema"`
		} `yaml:"versions"`
	} `yaml:"spec"`
}

func main() {
	out := flag.String("out", "", "directory to write NAME.yaml files into (must exist)")
	origin := flag.String("origin", "", "where FILE comes from, written as a comment at the top of each output file")
	flag.Parse()
	if *out == "" || flag.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "usage: crdsplit -out DIR [-origin TEXT] FILE NAME...")
		os.Exit(2)
	}
	if err := run(*out, *origin, flag.Arg(0), flag.Args()[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "crdsplit: %v\n", err)
		os.Exit(1)
	}
}

func run(out, origin, file string, names []string) error {
	content, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	documents, err := indexByName(splitDocuments(content))
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	for _, name := range names {
		document, found := documents[name]
		if !found {
			return fmt.Errorf("%s: no CustomResourceDefinition named %s", file, name)
		}
		if err := check(document.parsed); err != nil {
			return fmt.Errorf("%s: CustomResourceDefinition %s: %w", file, name, err)
		}
		var text bytes.Buffer
		if origin != "" {
			fmt.Fprintf(&text, "# Copied unchanged from %s\n", origin)
		}
		text.Write(document.text)
		if err := os.WriteFile(filepath.Join(out, name+".yaml"), text.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

type document struct {
	text   []byte
	parsed crd
}

// splitDocuments splits at "---" lines in column 0. Inside a block scalar every content line
// is indented, so such a line always separates documents.
func splitDocuments(content []byte) [][]byte {
	var documents [][]byte
	var current bytes.Buffer
	flush := func() {
		if text := bytes.TrimSpace(current.Bytes()); len(text) > 0 {
			documents = append(documents, append(append([]byte{}, text...), '\n'))
		}
		current.Reset()
	}
	scanner := bufio.NewScanner(bytes.NewReader(content))
	scanner.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		if strings.TrimRight(line, " \t") == "---" {
			flush()
			continue
		}
		current.WriteString(line)
		current.WriteByte('\n')
	}
	flush()
	return documents
}

// indexByName parses every document and maps its metadata.name to it. Documents that contain
// only comments have no name and are left out.
func indexByName(texts [][]byte) (map[string]document, error) {
	documents := map[string]document{}
	for i, text := range texts {
		var parsed crd
		if err := yaml.Unmarshal(text, &parsed); err != nil {
			return nil, fmt.Errorf("document %d is not valid YAML: %w", i+1, err)
		}
		if parsed.Metadata.Name == "" {
			continue
		}
		if _, duplicate := documents[parsed.Metadata.Name]; duplicate {
			return nil, fmt.Errorf("two documents are named %s", parsed.Metadata.Name)
		}
		documents[parsed.Metadata.Name] = document{text: text, parsed: parsed}
	}
	return documents, nil
}

// check rejects a document that is not a usable v1 CRD, so that a wrong source path fails the
// build and not a test later.
func check(c crd) error {
	if c.APIVersion != "apiextensions.k8s.io/v1" || c.Kind != "CustomResourceDefinition" {
		return fmt.Errorf("is %s %s, expected apiextensions.k8s.io/v1 CustomResourceDefinition", c.APIVersion, c.Kind)
	}
	if expected := c.Spec.Names.Plural + "." + c.Spec.Group; c.Metadata.Name != expected {
		return fmt.Errorf("metadata.name must be <plural>.<group> = %s", expected)
	}
	if c.Spec.Names.Kind == "" {
		return errors.New("spec.names.kind is missing")
	}
	served, storage := false, 0
	for _, version := range c.Spec.Versions {
		if version.Schema == nil || version.Schema.OpenAPIV3Schema == nil {
			return fmt.Errorf("version %s has no openAPIV3Schema", version.Name)
		}
		served = served || version.Served
		if version.Storage {
			storage++
		}
	}
	if !served {
		return errors.New("no version is served")
	}
	if storage != 1 {
		return fmt.Errorf("%d versions are marked storage, expected exactly 1", storage)
	}
	return nil
}
