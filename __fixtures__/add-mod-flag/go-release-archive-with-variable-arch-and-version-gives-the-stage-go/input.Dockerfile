FROM redhat/ubi9:latest
ARG GOLANG_VERSION=x.x.x
RUN ARCH=amd64; wget -O - https://go.dev/dl/go${GOLANG_VERSION}.linux-${ARCH}.tar.gz | tar -C /usr/local -xz
ENV PATH /usr/local/go/bin:$PATH
WORKDIR /build
COPY . .
RUN make cmds
