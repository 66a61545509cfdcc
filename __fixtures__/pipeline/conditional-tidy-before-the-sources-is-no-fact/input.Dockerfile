FROM golang:1.22
ARG TIDY=
WORKDIR /src
COPY go.mod go.sum ./
RUN if [ -n "$TIDY" ]; then go mod tidy; fi
COPY cmd/ cmd/
RUN go build ./cmd/app
