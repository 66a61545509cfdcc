from golang:1.21-alpine as build
workdir /src
copy go.mod go.sum ./
run go mod download
copy . .
run go build -o /out/lower ./cmd/lower

from alpine:3.19
copy --from=build /out/lower /lower
entrypoint ["/lower"]
