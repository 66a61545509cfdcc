FROM golang:1.23
RUN useradd -u 1000 -m dev
WORKDIR /app
COPY go.mod go.sum ./
COPY --chown=dev . .
USER dev
RUN go build -o /tmp/app .
