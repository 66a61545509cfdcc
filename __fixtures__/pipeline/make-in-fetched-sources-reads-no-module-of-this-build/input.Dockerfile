FROM golang:1.22-alpine
COPY . /app
WORKDIR /app
RUN go mod download
RUN go build ./cmd/app
WORKDIR /ext
RUN curl -L https://example.com/lib.tar.gz -o lib.tar.gz && tar xzf lib.tar.gz
RUN cd lib-* && make
RUN make -C /ext/lib-1.0
