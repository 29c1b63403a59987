import type { HttpResponse, Transport } from './http';
import type { RancherToken } from './rancher-client';

/**
 * Reading and deleting one token by name, the same for both families: Rancher answers 404 for a
 * token that is missing or belongs to someone else (rancher-api.md §4.3, §4.5, §6.3).
 */
export function tokenResource(
  http: Transport,
  path: (name: string) => string,
  read: (response: HttpResponse) => RancherToken,
) {
  return {
    async get(bearer: string, name: string): Promise<RancherToken | null> {
      const response = await http.request({
        method: 'GET',
        path: path(name),
        bearer,
        passStatuses: [404],
      });
      return response.status === 404 ? null : read(response);
    },
    async remove(bearer: string, name: string): Promise<'deleted' | 'not_found'> {
      const response = await http.request({
        method: 'DELETE',
        path: path(name),
        bearer,
        passStatuses: [404],
      });
      return response.status === 404 ? 'not_found' : 'deleted';
    },
  };
}
