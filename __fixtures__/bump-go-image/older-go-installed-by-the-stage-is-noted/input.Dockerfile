FROM fedora:35
RUN curl -LO https://go.dev/dl/go1.18.linux-amd64.tar.gz && tar -C /usr/local -xzf go1.18.linux-amd64.tar.gz
ENV PATH=/usr/local/go/bin:$PATH
WORKDIR /app
COPY . .
RUN go build -o /app/bin .
