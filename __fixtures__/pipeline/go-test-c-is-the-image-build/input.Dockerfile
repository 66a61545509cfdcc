FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go test -c -o /e2e.test ./e2e

FROM scratch
COPY --from=0 /e2e.test /e2e.test
ENTRYPOINT ["/e2e.test"]
