module example.com/private/vault

go 1.18
