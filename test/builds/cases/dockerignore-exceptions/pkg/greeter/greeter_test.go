package greeter

import (
	"testing"

	"example.com/exceptions/internal/testutil"
)

func TestLine(t *testing.T) { testutil.Equal(t, Line(), "hello, copied") }
