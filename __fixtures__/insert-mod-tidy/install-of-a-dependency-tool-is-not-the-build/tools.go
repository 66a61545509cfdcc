//go:build tools

package tools

import _ "github.com/golang/mock/mockgen"
