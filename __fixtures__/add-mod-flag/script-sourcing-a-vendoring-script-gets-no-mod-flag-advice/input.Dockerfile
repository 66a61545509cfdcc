FROM golang:1.24
WORKDIR /src
COPY . .
RUN OPERATOR_BIN=/app bash -xe ./dev/go_build_operator.sh
