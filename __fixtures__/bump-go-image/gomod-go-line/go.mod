module example.com/app

go 1.24.2

require example.com/dep v1.0.0
