package banner

func Text() string { return "built in GOPATH mode" }
