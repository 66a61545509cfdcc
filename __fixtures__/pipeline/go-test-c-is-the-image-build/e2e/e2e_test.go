package e2e

import "testing"

func TestX(t *testing.T) {}
