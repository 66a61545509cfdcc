module example.com/a

go 1.23.0
