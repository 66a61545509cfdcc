FROM golang:1.22
COPY . /src
RUN cd /src/app && make build
