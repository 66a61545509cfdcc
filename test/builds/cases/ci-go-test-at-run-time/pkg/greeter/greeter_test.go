package greeter

import "testing"

func TestLine(t *testing.T) {
	if got := Line(); got != "hello, ci" {
		t.Fatalf("got %q", got)
	}
}
