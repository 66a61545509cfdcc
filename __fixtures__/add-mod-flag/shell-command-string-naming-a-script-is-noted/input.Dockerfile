FROM golang:1.24
WORKDIR /src
COPY . .
RUN sh -ec ./build.sh
