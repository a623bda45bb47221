package cffschema

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// load loads the schema, or skips the test naming what is missing.
func load(t *testing.T) *Schema {
	t.Helper()
	s, err := Load()
	if errors.Is(err, ErrMissing) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const good = `cff-version: 1.2.0
message: If you use this, cite it as below.
title: "Interview of Stalin by Romain Rolland"
version: 1.0.0
date-released: 2017-01-01
authors:
  - family-names: Stalin
    given-names: Joseph
  - name: An Entity
`

func TestValidFileHasNoProblems(t *testing.T) {
	s := load(t)
	msgs, err := s.Validate([]byte(good))
	if err != nil || len(msgs) != 0 {
		t.Errorf("Validate = %q, %v", msgs, err)
	}
}

func TestSchemaViolationsAreReported(t *testing.T) {
	s := load(t)
	for _, tc := range []struct{ edit, old, new, want string }{
		{"no authors", "authors:\n  - family-names: Stalin\n    given-names: Joseph\n  - name: An Entity\n", "", "authors"},
		{"unknown key", "version: 1.0.0\n", "version: 1.0.0\nvolume: 3\n", "volume"},
		{"bad date", "date-released: 2017-01-01", "date-released: 2017-13-01", "/date-released"},
		{"author not a mapping", "  - name: An Entity\n", "  - 42\n", "/authors/1"},
		{"bad cff-version", "cff-version: 1.2.0", "cff-version: 9", "/cff-version"},
	} {
		doc := strings.Replace(good, tc.old, tc.new, 1)
		if doc == good {
			t.Fatalf("%s: the edit changed nothing", tc.edit)
		}
		msgs, err := s.Validate([]byte(doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.edit, err)
		}
		if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
			t.Errorf("%s: problems %q do not mention %q", tc.edit, msgs, tc.want)
		}
	}
	if _, err := s.Validate([]byte("a: [")); err == nil {
		t.Error("broken YAML is not an error")
	}
}

func TestMissingSchemaSaysHowToInstall(t *testing.T) {
	t.Setenv("EDITION_CFF_SCHEMA", filepath.Join(t.TempDir(), "none.json"))
	_, err := Load()
	if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), "scripts/cff-schema.sh") {
		t.Errorf("err = %v", err)
	}
}
