FROM golang:1.15.15
WORKDIR /src
COPY . .
RUN ./build.sh
