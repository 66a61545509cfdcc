module example.com/vendored

go 1.23.0

require example.com/private/vault v1.0.0
