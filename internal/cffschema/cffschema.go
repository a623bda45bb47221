// Package cffschema validates CITATION.cff files against the official JSON
// schema of the Citation File Format 1.2.0, with the JSON Schema validator
// github.com/santhosh-tekuri/jsonschema. It is for the checkers (the release
// checker and the citation tests), never for the renderers.
//
// The schema is not kept in this repository: scripts/cff-schema.sh installs
// it from the npm registry into build/schemas/cff-1.2.0.json (or wherever
// $EDITION_CFF_SCHEMA says). Load says how to install it when it is missing.
package cffschema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"gopkg.in/yaml.v3"
)

var printer = message.NewPrinter(language.English)

// ErrMissing is wrapped by Load's error when the schema is not installed.
var ErrMissing = errors.New("the CFF 1.2.0 schema is not installed (run scripts/cff-schema.sh, which needs npm and node)")

// Path is where the schema is read from: $EDITION_CFF_SCHEMA when set, else
// build/schemas/cff-1.2.0.json in this repository.
func Path() string {
	if p := os.Getenv("EDITION_CFF_SCHEMA"); p != "" {
		return p
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("build", "schemas", "cff-1.2.0.json")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "build", "schemas", "cff-1.2.0.json")
}

// Schema is the compiled CFF schema.
type Schema struct{ s *jsonschema.Schema }

// Load reads and compiles the schema at Path.
func Load() (*Schema, error) {
	p := Path()
	data, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", p, ErrMissing)
	}
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	m, ok := doc.(map[string]any)
	if !ok || !strings.HasPrefix(fmt.Sprint(m["$id"]), "https://citation-file-format.github.io/1.2.0/schema") {
		return nil, fmt.Errorf("%s: not the CFF 1.2.0 schema", p)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("cff-1.2.0.json", doc); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	s, err := c.Compile("cff-1.2.0.json")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return &Schema{s}, nil
}

// Validate reads a CITATION.cff file (YAML) and returns every way it breaks
// the schema, one message each, "at /json/pointer: what is wrong", sorted;
// none when it is valid. An error means the file is not YAML.
func (s *Schema) Validate(cff []byte) ([]string, error) {
	var doc any
	if err := yaml.Unmarshal(cff, &doc); err != nil {
		return nil, err
	}
	// YAML dates become strings, as the schema's note asks of validators;
	// the round trip through JSON gives the validator JSON's own types.
	data, err := json.Marshal(jsonable(doc))
	if err != nil {
		return nil, err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	err = s.s.Validate(inst)
	if err == nil {
		return nil, nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return nil, err
	}
	var msgs []string
	for _, u := range leaves(verr) {
		msgs = append(msgs, fmt.Sprintf("at /%s: %s", strings.Join(u.InstanceLocation, "/"), u.ErrorKind.LocalizedString(printer)))
	}
	sort.Strings(msgs)
	return msgs, nil
}

// leaves returns the innermost causes of a validation error.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// jsonable turns what yaml.v3 decodes into values encoding/json writes as
// the YAML meant them: dates as YYYY-MM-DD strings.
func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = jsonable(x)
		}
	case []any:
		for i, x := range v {
			v[i] = jsonable(x)
		}
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return v.Format("2006-01-02")
		}
		return v.Format(time.RFC3339)
	}
	return v
}
