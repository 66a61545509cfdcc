go mod tidy
go mod vendor
go build -mod=vendor -o app .
