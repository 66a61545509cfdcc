FROM golang:1.24 AS gopath-of-the-image
WORKDIR /src
COPY . .
RUN go build -o /app . && rm -rf $GOPATH/pkg

FROM golang:1.24 AS gopath-set
ENV GOPATH /root/go
WORKDIR /src
COPY . .
RUN go install example.com/tool@v1.2.3 && rm -rf $GOPATH

FROM golang:1.24 AS home
WORKDIR /src
COPY . .
RUN go build -o /app . && rm -rf ~/.cache

FROM golang:1.24 AS unknown
WORKDIR /src
COPY . .
RUN go build -o /app . && rm -rf $LEFTOVERS

FROM golang:1.24 AS elsewhere
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /app . && rm -rf /tmp/build $GOPATH/bin/tool
