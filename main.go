// Command scoplan follows up the SCO Economic Development Strategy 2030
// action plan: with no command it opens the window, with one it works
// headless (see scoplan --help).
package main

import (
	_ "embed"
	"os"

	"scoplan/app"
	"scoplan/cli"
)

//go:embed FyneApp.toml
var metadata []byte

func main() {
	cli.SetMetadata(metadata)
	stdout, stderr := cli.Console()
	os.Exit(cli.Main(os.Args[1:], stdout, stderr, app.Run))
}
