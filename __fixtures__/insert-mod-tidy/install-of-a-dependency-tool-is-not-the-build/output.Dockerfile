FROM golang:1.22 AS tools-file
WORKDIR /src
COPY go.mod go.sum tools.go ./
RUN go install github.com/golang/mock/mockgen
COPY cmd ./cmd
COPY internal ./internal
RUN go mod tidy
RUN go build -o /app ./cmd/a

FROM golang:1.24 AS tool-lines
WORKDIR /src
COPY go.mod go.sum ./
RUN go install tool
COPY . .
RUN go mod tidy
RUN go build -o /app ./cmd/a

FROM golang:1.22 AS own-package-by-path
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go install example.com/app/cmd/a

FROM golang:1.22 AS everything-copied
WORKDIR /src
COPY . .
RUN go mod tidy
RUN go install github.com/golang/mock/mockgen
RUN mockgen -version
