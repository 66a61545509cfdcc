FROM golang:1.22
WORKDIR /src
COPY . .
RUN go env -w GOPRIVATE=github.com/acme; go mod download; go mod download -modfile=tools.mod
RUN go build -o /app .
