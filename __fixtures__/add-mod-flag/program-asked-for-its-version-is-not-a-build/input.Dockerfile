FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build -mod=mod -o /usr/bin/buildctl . && /usr/bin/buildctl --version
RUN ./hack/build --help
