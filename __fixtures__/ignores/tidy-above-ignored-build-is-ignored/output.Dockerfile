FROM golang:1.23 AS build
WORKDIR /src
COPY . .

# Build the service
# dockmod-ignore insert-mod-tidy -- go.sum is checked in CI
RUN go build -mod=mod -o /app .
