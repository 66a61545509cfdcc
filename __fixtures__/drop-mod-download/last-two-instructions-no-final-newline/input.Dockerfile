FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum tools.mod tools.sum ./
RUN go mod download
# and the tools module
RUN go mod download -modfile=tools.mod