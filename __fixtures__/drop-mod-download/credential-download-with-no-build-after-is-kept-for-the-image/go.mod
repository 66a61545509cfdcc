module x

go 1.16
