// Command bigbook writes a long book for measuring the build: the source
// folder with its interview and notes repeated N times.
//
//	go run ./internal/cmd/bigbook SRC DST N
package main

import (
	"fmt"
	"os"
	"strconv"

	"edition/internal/bigbook"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: bigbook SRC DST N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[3])
	if err != nil {
		fmt.Fprintf(os.Stderr, "bigbook: N: %v\n", err)
		os.Exit(2)
	}
	if err := bigbook.Write(os.Args[1], os.Args[2], n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
