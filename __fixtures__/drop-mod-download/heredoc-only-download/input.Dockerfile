FROM golang:1.23
COPY go.mod go.sum ./
RUN <<EOF
go mod download
EOF
COPY . .
RUN go build -o /app .
