FROM golang:1.22
WORKDIR /src
COPY . .
RUN go list -mod=readonly all >/dev/null
RUN go build -o /app ./cmd/app
