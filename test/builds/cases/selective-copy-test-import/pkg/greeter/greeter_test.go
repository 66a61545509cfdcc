package greeter

import (
	"testing"

	"example.com/selective/internal/testutil"
)

func TestLine(t *testing.T) { testutil.Equal(t, Line(), "hello, copied") }
