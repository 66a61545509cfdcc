FROM golang:1.24
WORKDIR /src
COPY . .
RUN bash -n ./build.sh
