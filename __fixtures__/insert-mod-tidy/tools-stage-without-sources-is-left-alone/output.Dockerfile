FROM golang:1.22 AS tools
WORKDIR /src
COPY go.mod go.sum ./
RUN go install \
    golang.org/x/tools/cmd/stringer \
    github.com/golang/mock/mockgen

FROM golang:1.22 AS build
WORKDIR /src
COPY --from=tools /go/bin/ /go/bin/
COPY . .
RUN go mod tidy
RUN go build -o /out/app ./...
