FROM golang:1.24.0
WORKDIR /src
COPY . .
RUN ./build.sh
