module example.com/app

go 1.23.0

require example.com/lib v0.0.0
