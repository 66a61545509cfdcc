FROM golang:1.24
WORKDIR /src
COPY . .
RUN go tool stringer -type=Kind .
RUN go tool pprof -top cpu.prof
