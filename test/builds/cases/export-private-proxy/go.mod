module example.com/secretsvc

go 1.23.0

require example.com/private/vault v1.0.0
