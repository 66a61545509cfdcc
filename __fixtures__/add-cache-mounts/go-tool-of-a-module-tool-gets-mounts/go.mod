module example.com/app

go 1.24.0

tool golang.org/x/tools/cmd/stringer
