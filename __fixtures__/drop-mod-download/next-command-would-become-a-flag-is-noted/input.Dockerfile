FROM golang:1.22
WORKDIR /src
COPY . .
RUN go mod download && \
    --help-is-a-command-here
RUN go build -o /out/app .
