package greet
import _ "example.com/app/internal/testutil"
